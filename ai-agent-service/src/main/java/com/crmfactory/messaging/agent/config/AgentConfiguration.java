package com.crmfactory.messaging.agent.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.crmfactory.messaging.agent.dialogue.AgentProperties;
import com.crmfactory.messaging.agent.dialogue.Dialogue;
import com.crmfactory.messaging.agent.dialogue.ErpAnswers;
import com.crmfactory.messaging.agent.dialogue.OfflineDialogue;
import com.crmfactory.messaging.agent.draft.DraftService;
import com.crmfactory.messaging.agent.entity.EntityExtractor;
import com.crmfactory.messaging.agent.entity.PartFinder;
import com.crmfactory.messaging.agent.erp.ErpClient;
import com.crmfactory.messaging.agent.erp.ErpProperties;
import com.crmfactory.messaging.agent.erp.RestErpClient;
import com.crmfactory.messaging.agent.intent.IntentClassifier;
import com.crmfactory.messaging.agent.llm.LlmDialogue;
import com.crmfactory.messaging.agent.llm.LlmProperties;
import com.crmfactory.messaging.agent.llm.LlmModels;
import com.crmfactory.messaging.agent.media.BarcodeReader;
import com.crmfactory.messaging.agent.media.MediaAnalyzer;
import com.crmfactory.messaging.agent.media.MediaFetcher;
import com.crmfactory.messaging.agent.media.MediaProperties;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;

/** Wires the agent: offline by default, the LLM in front of it when {@code agent.llm.provider} is set. */
@Configuration
@EnableConfigurationProperties({AgentProperties.class, ErpProperties.class, MediaProperties.class, LlmProperties.class})
class AgentConfiguration {

    @Bean
    IntentClassifier intentClassifier() {
        return IntentClassifier.shipped();
    }

    @Bean
    ErpClient erpClient(ErpProperties properties, CircuitBreakerRegistry breakers, RetryRegistry retries) {
        return new RestErpClient(properties, breakers.circuitBreaker("erp"), retries.retry("erp"));
    }

    @Bean
    PartFinder partFinder(ErpClient erp, IntentClassifier classifier) {
        return new PartFinder(erp, classifier.embedder());
    }

    @Bean
    DraftService draftService(ErpClient erp) {
        return new DraftService(erp);
    }

    @Bean
    OfflineDialogue offlineDialogue(IntentClassifier classifier, PartFinder finder, ErpClient erp, DraftService drafts,
            AgentProperties properties) {
        return new OfflineDialogue(classifier, new EntityExtractor(), finder, new ErpAnswers(erp, drafts), properties);
    }

    @Bean
    LlmModels llmModels(LlmProperties properties) {
        return new LlmModels(properties);
    }

    @Bean
    Dialogue dialogue(OfflineDialogue offline, LlmModels models, LlmProperties properties, ErpClient erp,
            DraftService drafts, IntentClassifier classifier, AgentProperties agent,
            CircuitBreakerRegistry breakers, MeterRegistry meters) {
        if (!models.configured()) {
            return offline;
        }
        return new LlmDialogue(models, properties, offline, erp, drafts, classifier, agent,
                breakers.circuitBreaker("llm"), meters);
    }

    @Bean
    MediaAnalyzer mediaAnalyzer(MediaProperties properties, LlmModels models, CircuitBreakerRegistry breakers) {
        return new MediaAnalyzer(new MediaFetcher(properties), new BarcodeReader(),
                models.imageDescriber(breakers.circuitBreaker("llm")).orElse(null));
    }
}
