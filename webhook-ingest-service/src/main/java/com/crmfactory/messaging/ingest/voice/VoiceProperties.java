package com.crmfactory.messaging.ingest.voice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Voicemail settings ({@code platform.voice.*}).
 *
 * @param greeting      what a caller hears before the beep when the org set no greeting of its own
 * @param maxLength     longest voicemail in seconds; Twilio transcribes only recordings under 120 s
 * @param silenceTimeout seconds of silence that end the recording
 * @param transcribe    ask Twilio for a transcription (paid, US English); off: a voicemail is published at the
 *                      end of the recording with an empty body, as no transcription callback will come
 */
@ConfigurationProperties("platform.voice")
public record VoiceProperties(
        @DefaultValue("Thank you for calling. Please leave a message after the beep, and we will answer you by text message.") String greeting,
        @DefaultValue("110") int maxLength, @DefaultValue("5") int silenceTimeout,
        @DefaultValue("true") boolean transcribe) {

    public VoiceProperties {
        if (maxLength < 2 || maxLength > 14400) {
            throw new IllegalArgumentException("platform.voice.max-length must be between 2 and 14400 seconds");
        }
    }
}
