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

import com.crmfactory.messaging.conversation.outbound.ConversationStarter;
import com.crmfactory.messaging.conversation.outbound.ReplyService;
import com.crmfactory.messaging.conversation.web.PageResponse;
import com.crmfactory.messaging.support.web.OrgContext;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;

/** {@code /api/v1/conversations}: the inbox of the caller's org. */
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationController {

    private final ConversationQueryService query;
    private final ConversationActionsService actions;
    private final ReplyService replies;
    private final ConversationStarter starter;

    ConversationController(ConversationQueryService query, ConversationActionsService actions, ReplyService replies,
            ConversationStarter starter) {
        this.query = query;
        this.actions = actions;
        this.replies = replies;
        this.starter = starter;
    }

    @GetMapping
    @Operation(summary = "The inbox", description = "Active conversations (active, waiting_reply, needs_human) by default; "
            + "status=all or explicit statuses for the rest.")
    PageResponse<ConversationRow> list(@RequestParam(required = false) String sessionId,
            @RequestParam(required = false) String contactId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String queue,
            @RequestParam(required = false) String assignee,
            @Parameter(description = "words in message bodies (all of them, each as a prefix)") @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return query.list(OrgContext.require(), new ConversationFilter(sessionId, contactId, status, channel, queue, assignee, q),
                page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a conversation", description = "Opens a session with a contact (or an address) on a "
            + "channel, or reuses the open one, and sends the first message or template. WhatsApp without an open "
            + "customer-service window: an approved template only (422 with allowedTemplates); opted-out customer: 409.")
    ConversationStarter.Started start(@Valid @RequestBody ConversationRequests.Start request) {
        return starter.start(OrgContext.require(), new ConversationStarter.Recipient(request.contactId(), request.address(),
                request.channel()), request.content(), OrgContext.agentId().orElse(request.agentId()));
    }

    @GetMapping("/{sessionId}")
    ConversationQueryService.ThreadView thread(@PathVariable String sessionId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(defaultValue = "false") boolean newest) {
        return query.thread(OrgContext.require(), sessionId, page, size, newest);
    }

    @PostMapping("/reply")
    @Operation(summary = "Reply in a conversation", description = "Text, media (https, WhatsApp one, MMS at most 10), a "
            + "template (rendered from the org's catalogue; missing variables → 422 listing them) or interactive buttons/"
            + "list. Outside the WhatsApp window only an approved template: 422 whose allowedTemplates names them.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReplyService.Reply reply(@Valid @RequestBody ConversationRequests.Reply request) {
        // a signed-in agent (web inbox) is who replied, whatever the body says; API keys may name one
        return replies.reply(OrgContext.require(), request.sessionId().trim(), request.content(),
                OrgContext.agentId().orElse(request.agentId()));
    }

    @PostMapping("/{sessionId}/assign")
    ConversationRow assign(@PathVariable String sessionId, @Valid @RequestBody ConversationRequests.Assign request) {
        return actions.assign(OrgContext.require(), sessionId, OrgContext.agentId()
                .map(agent -> new ConversationRequests.Assign(request.assignee(), agent)).orElse(request));
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
