/** Thin listeners that turn consumed events into calls on the assessment domain. */
package ca.passerelle.assessment.evaluation.messaging;
