package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.SourceLocation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an AWS CloudFormation or SAM template, YAML or JSON, into the neutral {@link ServerlessApp}.
 * Every problem found is reported at once, located, through {@link InvalidInputException}.
 */
public final class CloudFormationReader {

    private CloudFormationReader() {
    }

    /**
     * Reads a template file.
     *
     * @param template the file; the path as given appears in every location
     * @return the application
     * @throws InvalidInputException when the file cannot be read or the template is invalid
     */
    public static ServerlessApp read(Path template) throws InvalidInputException {
        String file = template.toString();
        SourceLocation start = new SourceLocation(file, 1, 1);
        byte[] bytes;
        try {
            long size = Files.size(template);
            if (size > DocumentReader.MAX_CHARS * 4L) {
                throw new InvalidInputException(start, "the file has " + size
                        + " bytes; templates larger than " + DocumentReader.MAX_CHARS + " characters are not read");
            }
            bytes = Files.readAllBytes(template);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(new SourceLocation(file, 0, 0), "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(new SourceLocation(file, 0, 0), "the file cannot be read: " + e.getMessage());
        }
        return parse(file, decode(bytes, start));
    }

    /**
     * Reads a template from text.
     *
     * @param file    the name to use in locations
     * @param content the template text
     * @return the application
     * @throws InvalidInputException when the template is invalid
     */
    public static ServerlessApp parse(String file, String content) throws InvalidInputException {
        Node root = DocumentReader.read(file, content, DocumentReader.sniff(file, content));
        return TemplateParser.parse(file, root);
    }

    private static String decode(byte[] bytes, SourceLocation start) throws InvalidInputException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(start, "the file is not UTF-8 text; templates must be UTF-8");
        }
    }
}
