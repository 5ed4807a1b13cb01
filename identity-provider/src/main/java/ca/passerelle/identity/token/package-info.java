/** What goes into the tokens: the claims contract of docs/security-model.md and the RS256 signing key. */
package ca.passerelle.identity.token;
