/** HTTP adapter: reads a case's rehabilitation plan. */
package ca.passerelle.rehab.plan.web;
