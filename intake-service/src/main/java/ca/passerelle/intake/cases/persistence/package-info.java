/** Cases in MongoDB, one document each with its outbox, written through the platform's aggregate store. */
package ca.passerelle.intake.cases.persistence;
