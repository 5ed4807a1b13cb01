/** The AsyncAPI document of every Passerelle topic, generated from the contracts at build time and checked against them. */
package ca.passerelle.events.asyncapi;
