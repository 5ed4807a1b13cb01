/** Cases: the PatientCase aggregate, its identity and clinical rules (RAMQ, ODI, consent), its updates and documents, and the services. */
package ca.passerelle.intake.cases;
