/** Opening a case: the PatientCase aggregate, its identity and clinical rules (RAMQ, ODI, consent) and the intake service. */
package ca.passerelle.intake.cases;
