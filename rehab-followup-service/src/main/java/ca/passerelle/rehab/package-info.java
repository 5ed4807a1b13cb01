/** rehab-followup-service: plans and follows the post-operative rehabilitation of patients back home in Québec. */
package ca.passerelle.rehab;
