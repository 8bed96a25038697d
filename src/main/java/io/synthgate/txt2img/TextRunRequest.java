package io.synthgate.txt2img;

import java.util.List;

/**
 * The body of {@code POST /api/experiments/txt2img/runs}.
 *
 * @param bodyParts the body parts to prompt for, one synthetic study each ("head", "knee", ...); required
 * @param promptTemplate the prompt; {@code {bodyPart}} is filled in. Default {@code An X-ray of {bodyPart}}
 * @param negativePrompt what the images should not show; default none
 * @param candidatesPerPrompt images per prompt, all kept. Default 4
 * @param generator the generator's name. Default {@code synthgate.generator.default}
 * @param seedPolicy a number, {@code random}, or absent for seeds derived from run and prompt
 * @param size the picture size to ask for, {@code WIDTHxHEIGHT}; default the generator's configured size
 */
public record TextRunRequest(List<String> bodyParts, String promptTemplate, String negativePrompt,
        Integer candidatesPerPrompt, String generator, String seedPolicy, String size) {
}
