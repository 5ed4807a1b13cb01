/** Application-level protection of PHI at rest: the AEAD that seals identifiers to their case and field, and the keyed RAMQ look-up. */
package ca.passerelle.intake.cases.protection;
