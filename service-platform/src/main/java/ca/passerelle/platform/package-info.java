/** What every Passerelle service runs on: reliable messaging, HTTP problem answers and health, written once. */
package ca.passerelle.platform;
