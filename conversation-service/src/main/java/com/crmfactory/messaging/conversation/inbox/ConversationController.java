package com.crmfactory.messaging.conversation.inbox;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.conversation.outbound.ReplyService;
import com.crmfactory.messaging.conversation.web.PageResponse;
import com.crmfactory.messaging.support.web.OrgContext;

import jakarta.validation.Valid;

/** {@code /api/v1/conversations}: the inbox of the caller's org. */
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationController {

    private final ConversationQueryService query;
    private final ConversationActionsService actions;
    private final ReplyService replies;

    ConversationController(ConversationQueryService query, ConversationActionsService actions, ReplyService replies) {
        this.query = query;
        this.actions = actions;
        this.replies = replies;
    }

    @GetMapping
    PageResponse<ConversationRow> list(@RequestParam(required = false) String sessionId,
            @RequestParam(required = false) String contactId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String queue,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return query.list(OrgContext.require(), new ConversationFilter(sessionId, contactId, status, channel, queue, assignee),
                page, size);
    }

    @GetMapping("/{sessionId}")
    ConversationQueryService.ThreadView thread(@PathVariable String sessionId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return query.thread(OrgContext.require(), sessionId, page, size);
    }

    @PostMapping("/reply")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReplyService.Reply reply(@Valid @RequestBody ConversationRequests.Reply request) {
        return replies.reply(OrgContext.require(), request.sessionId().trim(), request.message(), request.agentId());
    }

    @PostMapping("/{sessionId}/assign")
    ConversationRow assign(@PathVariable String sessionId, @Valid @RequestBody ConversationRequests.Assign request) {
        return actions.assign(OrgContext.require(), sessionId, request);
    }

    @PostMapping("/{sessionId}/escalate")
    ConversationRow escalate(@PathVariable String sessionId,
            @Valid @RequestBody(required = false) ConversationRequests.Escalate request) {
        return actions.escalate(OrgContext.require(), sessionId,
                request == null ? new ConversationRequests.Escalate(null, null) : request);
    }

    @PostMapping("/{sessionId}/complete")
    ConversationRow complete(@PathVariable String sessionId,
            @Valid @RequestBody(required = false) ConversationRequests.Complete request) {
        return actions.complete(OrgContext.require(), sessionId, request);
    }
}
