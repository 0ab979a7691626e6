package com.crmfactory.messaging.agent.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.google.zxing.MultiFormatReader;

/** Decodes every barcode and QR code in an image (ZXing, all formats, trying harder). */
public class BarcodeReader {

    public List<String> decode(byte[] image) {
        try {
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image));
            if (picture == null) {
                return List.of();
            }
            Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(picture)));
            List<String> texts = new ArrayList<>();
            for (Result result : new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap, hints)) {
                texts.add(result.getText());
            }
            return texts;
        } catch (NotFoundException e) {
            return List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
