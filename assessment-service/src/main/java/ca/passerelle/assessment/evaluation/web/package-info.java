/** The REST API of assessments: read a case's assessment, its gating and decision support; record the specialist's evaluation. */
package ca.passerelle.assessment.evaluation.web;
