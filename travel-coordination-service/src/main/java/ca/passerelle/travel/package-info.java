/** travel-coordination-service: books surgery in a partner hospital in France for each case recommended for surgery. */
package ca.passerelle.travel;
