package com.crmfactory.messaging.agent.classify;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.agent.intent.IntentClassifier;
import com.crmfactory.messaging.agent.intent.IntentPrediction;
import com.crmfactory.messaging.support.web.OrgContext;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/agent/classify}: the offline classifier's intent and confidence for a text (tooling, evaluation). */
@RestController
@RequestMapping("/api/v1/agent")
class ClassifyController {

    record ClassifyRequest(@NotBlank @Size(max = 2000) String text) {
    }

    record ClassifyResponse(String orgId, String intent, double confidence, double similarity) {
    }

    private final IntentClassifier classifier;

    ClassifyController(IntentClassifier classifier) {
        this.classifier = classifier;
    }

    @PostMapping("/classify")
    ClassifyResponse classify(@Valid @RequestBody ClassifyRequest request) {
        String org = OrgContext.require();
        IntentPrediction p = classifier.classify(request.text());
        return new ClassifyResponse(org, p.intent(), p.confidence(), p.similarity());
    }
}
