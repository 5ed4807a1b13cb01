/** Wire contracts shared by every Passerelle service: the CloudEvents envelope, the versioned payloads and their topics. */
package ca.passerelle.events;
