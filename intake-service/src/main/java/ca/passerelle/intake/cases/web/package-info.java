/** The clinics' HTTP API for cases: request and response records, validation, and the controller. */
package ca.passerelle.intake.cases.web;
