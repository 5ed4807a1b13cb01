package ca.passerelle.travel.feed.web;

import java.util.Optional;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ca.passerelle.events.EventCodec;
import ca.passerelle.platform.security.Caller;
import ca.passerelle.platform.security.Callers;
import ca.passerelle.platform.web.NotFoundException;
import ca.passerelle.travel.feed.HospitalFeedService;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Catch-up of a partner hospital's feed: the CloudEvents after sequence {@code after}, exactly as they were published
 * on the hospital's topic. The hospital is the one its token names; a {@code hospitalId} naming another hospital, or a
 * token naming none, is answered 404 as an unknown feed.
 */
@RestController
@RequestMapping("/api/hospital/feed")
@Validated
class HospitalFeedController {

    private final HospitalFeedService feeds;

    HospitalFeedController(HospitalFeedService feeds) {
        this.feeds = feeds;
    }

    @GetMapping
    JsonNode feed(@RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(required = false) @Size(min = 1, max = 100) String hospitalId) {
        Caller caller = Callers.current();
        String own = caller.hospitalId().orElseThrow(() -> new NotFoundException("No such feed"));
        if (Optional.ofNullable(hospitalId).filter(requested -> !requested.equals(own)).isPresent()) {
            throw new NotFoundException("No such feed");
        }
        ObjectNode answer = EventCodec.mapper().createObjectNode();
        answer.put("hospitalId", own);
        answer.put("after", after);
        ArrayNode events = answer.putArray("events");
        feeds.after(own, after).forEach(event -> events.add(EventCodec.mapper().readTree(EventCodec.write(event))));
        return answer;
    }
}
