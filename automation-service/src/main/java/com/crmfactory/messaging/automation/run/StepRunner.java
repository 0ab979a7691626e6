package com.crmfactory.messaging.automation.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.automation.action.ActionExecutor;
import com.crmfactory.messaging.automation.action.ActionRenderer;
import com.crmfactory.messaging.automation.action.RenderedAction;
import com.crmfactory.messaging.automation.action.SessionNotKnownException;
import com.crmfactory.messaging.automation.action.StepContext;
import com.crmfactory.messaging.automation.action.StepFailedException;
import com.crmfactory.messaging.automation.definition.Action;
import com.crmfactory.messaging.automation.definition.CompiledAutomation;
import com.crmfactory.messaging.automation.event.TriggerEvent;
import com.crmfactory.messaging.automation.state.CustomerStateService;
import com.crmfactory.messaging.automation.variables.MissingVariableException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Carries out a run's steps in order, in the caller's transaction, from its next step until the run ends,
 * waits, or reaches an http_request (which the poller performs outside any transaction). Each step is
 * recorded with its rendered input, its output or error and its timings; a failing step fails the run.
 */
@Component
class StepRunner {

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);
    /** How long a step that needs the session retries while conversation-service has not announced it. */
    private static final Duration SESSION_GRACE = Duration.ofSeconds(30);
    private static final Duration SESSION_RETRY = Duration.ofSeconds(1);

    private final RunRepository runs;
    private final ActionRenderer renderer;
    private final ActionExecutor executor;
    private final CustomerStateService state;
    private final RunMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;

    StepRunner(RunRepository runs, ActionRenderer renderer, ActionExecutor executor, CustomerStateService state,
            RunMetrics metrics, JsonMapper json, Clock clock) {
        this.runs = runs;
        this.renderer = renderer;
        this.executor = executor;
        this.state = state;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param fresh whether the run started with this very event (its steps count towards the trigger latency)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void advance(RunRecord run, CompiledAutomation automation, TriggerEvent event, int from, boolean fresh) {
        List<Action> actions = automation.definition().actions();
        for (int i = from; i < actions.size(); i++) {
            Action action = actions.get(i);
            Instant started = clock.instant();
            if (action instanceof Action.Wait wait) {
                Instant due = started.plus(wait.duration());
                runs.step(run.id(), i, action.type(), "waiting", write(Map.of("duration", wait.duration().toString())),
                        write(Map.of("resumeAt", due.toString())), null, started, null);
                runs.waitUntil(run.id(), i + 1, due);
                return;
            }
            if (action instanceof Action.HttpRequest) {
                // a network call never runs inside a listener's or the run's transaction: the poller does it
                runs.waitUntil(run.id(), i, started);
                return;
            }
            StepContext step = context(run, automation, i, event);
            try {
                RenderedAction rendered = renderer.render(action, event);
                Map<String, Object> output = executor.emit(rendered, step);
                if (rendered instanceof RenderedAction.Queue queue) {
                    state.markAutomationDepth(run.orgId(), queue.sessionId(), run.depth() + 1);
                }
                runs.step(run.id(), i, action.type(), "succeeded", write(rendered.describe()), write(output), null, started,
                        clock.instant());
                if (fresh) {
                    metrics.latency(Duration.between(event.occurredAt(), clock.instant()));
                }
            } catch (SessionNotKnownException e) {
                if (event.type().isMessage() && started.isBefore(run.startedAt().plus(SESSION_GRACE))) {
                    runs.waitUntil(run.id(), i, started.plus(SESSION_RETRY));
                    return;
                }
                fail(run, i, action.type(), null, e.getMessage(), started);
                return;
            } catch (MissingVariableException | StepFailedException e) {
                fail(run, i, action.type(), null, e.getMessage(), started);
                return;
            }
        }
        runs.finish(run.id(), RunStatus.SUCCEEDED, actions.size(), null, clock.instant());
        metrics.run("succeeded");
    }

    /** Records a step that failed and fails its run with the step's reason. */
    @Transactional(propagation = Propagation.MANDATORY)
    void fail(RunRecord run, int index, String type, Map<String, Object> input, String reason, Instant started) {
        runs.step(run.id(), index, type, "failed", input == null ? null : write(input), null, reason, started, clock.instant());
        runs.finish(run.id(), RunStatus.FAILED, index, "step " + index + " (" + type + "): " + reason, clock.instant());
        metrics.stepFailed(type);
        metrics.run("failed");
        log.info("Automation run {} of automation {} (org {}) failed at step {} ({})", run.id(), run.automationId(),
                run.orgId(), index, type);
    }

    /** Records a step carried out outside the transaction (an http_request). */
    @Transactional(propagation = Propagation.MANDATORY)
    void recorded(RunRecord run, int index, String type, Map<String, Object> input, Map<String, Object> output,
            Instant started) {
        runs.step(run.id(), index, type, "succeeded", write(input), write(output), null, started, clock.instant());
    }

    StepContext context(RunRecord run, CompiledAutomation automation, int index, TriggerEvent event) {
        return new StepContext(run.orgId(), run.id(), automation.id(), automation.version(), index, run.triggerEventId(),
                run.depth(), event.occurredAt());
    }

    private String write(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
