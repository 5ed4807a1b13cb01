/** Every service as an OAuth2 resource server: token validation, roles and tenant from the token, route rules with deny by default. */
package ca.passerelle.platform.security;
