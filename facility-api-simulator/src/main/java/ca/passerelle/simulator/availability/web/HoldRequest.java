package ca.passerelle.simulator.availability.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Asks to hold a slot; {@code reference} is the caller's own reference, echoed back. */
public record HoldRequest(@NotBlank @Size(max = 200) String slotId, @NotBlank @Size(max = 200) String reference) {
}
