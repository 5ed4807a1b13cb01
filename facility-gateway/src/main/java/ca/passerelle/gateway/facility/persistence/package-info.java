/** Last-known answers kept in MongoDB, one document per distinct read request. */
package ca.passerelle.gateway.facility.persistence;
