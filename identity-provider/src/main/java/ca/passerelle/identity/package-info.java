/** Local and test OAuth2 / OpenID Connect identity provider issuing Passerelle's role and tenant claims. */
package ca.passerelle.identity;
