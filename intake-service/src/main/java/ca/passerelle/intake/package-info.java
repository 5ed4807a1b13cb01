/** intake-service: clinics open FBSS cases here; direct identifiers stay here and only pseudonymous events leave. */
package ca.passerelle.intake;
