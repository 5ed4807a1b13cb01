/** HTTP adapter: reads a case's rehabilitation plan, with the route rules that say who may. */
package ca.passerelle.rehab.plan.web;
