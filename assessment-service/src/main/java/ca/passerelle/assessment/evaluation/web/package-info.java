/** The REST API of assessments: read a case's assessment, record the specialist's evaluation. */
package ca.passerelle.assessment.evaluation.web;
