package com.crmfactory.messaging.agent.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the images of a message: barcodes/QR codes always (offline), plus a description when a
 * vision-capable model is configured. A refused or failed image becomes a note, never an error.
 */
public class MediaAnalyzer {

    private static final Logger log = LoggerFactory.getLogger(MediaAnalyzer.class);

    /**
     * A vision-capable model describing an image; absent in the offline default. It gives up at {@code deadline}
     * (the turn's hard stop; null = none) and gives no description then.
     */
    public interface ImageDescriber {
        Optional<String> describe(String contentType, byte[] image, Instant deadline);
    }

    private final MediaFetcher fetcher;
    private final BarcodeReader barcodes;
    private final ImageDescriber describer;

    public MediaAnalyzer(MediaFetcher fetcher, BarcodeReader barcodes, ImageDescriber describer) {
        this.fetcher = fetcher;
        this.barcodes = barcodes;
        this.describer = describer;
    }

    /** @param deadline the turn's hard stop (null = none): no image is described past it */
    public ImageAnalysis analyze(String orgId, List<String> urls, Instant deadline) {
        List<String> codes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<ImageAnalysis.Item> items = new ArrayList<>();
        for (String url : urls) {
            try {
                MediaFetcher.Fetched image = fetcher.fetch(url);
                List<String> read = barcodes.decode(image.bytes());
                codes.addAll(read);
                String description = null;
                if (describer != null) {
                    description = describer.describe(image.contentType(), image.bytes(), deadline).orElse(null);
                    if (description != null) {
                        notes.add("image: " + description);
                    }
                }
                items.add(new ImageAnalysis.Item(url, image.contentType(), read, description));
            } catch (MediaRefusedException e) {
                log.info("Media of org {} not analysed: {}", orgId, e.getMessage());
                notes.add("image not analysed (" + e.getMessage() + ")");
                items.add(new ImageAnalysis.Item(url, null, List.of(), "not analysed (" + e.getMessage() + ")"));
            }
        }
        return new ImageAnalysis(codes, notes, items);
    }
}
