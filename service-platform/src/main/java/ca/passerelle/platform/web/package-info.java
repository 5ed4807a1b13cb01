/** HTTP errors as RFC 9457 problem details, the same in every service: field-level validation errors, never a stack trace. */
package ca.passerelle.platform.web;
