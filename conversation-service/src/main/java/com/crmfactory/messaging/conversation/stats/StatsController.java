package com.crmfactory.messaging.conversation.stats;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.support.web.OrgContext;

/** {@code GET /api/v1/conversations/stats}: the org's conversation statistics, optionally for a date range. */
@RestController
class StatsController {

    private final StatsService stats;

    StatsController(StatsService stats) {
        this.stats = stats;
    }

    @GetMapping("/api/v1/conversations/stats")
    StatsResponse stats(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return stats.stats(OrgContext.require(), StatsRange.parse(from, to));
    }
}
