/** The coordinators' operations dashboard: a read model of every case, fed by the case topics, shown as pages and a REST API. */
package ca.passerelle.dashboard;
