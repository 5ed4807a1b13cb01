/** The Spring Authorization Server endpoints, the login form and their security filter chains. */
package ca.passerelle.identity.server;
