/** Health checks that hold on every MongoDB-compatible server this project runs on. */
package ca.passerelle.platform.health;
