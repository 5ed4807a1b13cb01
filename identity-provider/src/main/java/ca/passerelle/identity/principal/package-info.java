/** The users and clients of the local run, their roles and tenants, bound from configuration. */
package ca.passerelle.identity.principal;
