/** HTTP adapter: plans, follow-up reports, closure and coordinators' alerts, with the route rules that say who may call them. */
package ca.passerelle.rehab.plan.web;
