/** The HTTP API for cases: request and response records, validation, the controller and who may call each route. */
package ca.passerelle.intake.cases.web;
