package io.lambda2azure.emitters.terraform;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.deviation.Deviation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deviations written into one resource block, as comment lines ({@link Deviation#line()}), by the rules of
 * the Bicep emitter: a deviation on a property goes above the argument that writes it, once the builder
 * {@link #take takes} the property's semantic key ({@code runtime}, {@code appSettings.NAME}, ...); everything
 * not taken, including deviations on the resource as a whole and on keys the block does not write, goes above
 * the resource ({@link #rest}). Both keep the model's order.
 */
final class DeviationComments {

    private final List<Deviation> deviations;
    private final boolean[] placed;

    private DeviationComments(List<Deviation> deviations) {
        this.deviations = List.copyOf(deviations);
        this.placed = new boolean[deviations.size()];
    }

    /** The deviations targeted at the resource with that symbol. */
    static DeviationComments of(AzureDeployment deployment, String symbol) {
        return new DeviationComments(deployment.deviationsTargeting(symbol));
    }

    /** No deviations (settings a slot copies from its app). */
    static DeviationComments none() {
        return new DeviationComments(List.of());
    }

    /** The comment lines for the property with that semantic key, which is now placed. */
    List<String> take(String key) {
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < deviations.size(); i++) {
            Optional<String> property = deviations.get(i).target().orElseThrow().property();
            if (!placed[i] && property.isPresent() && property.get().equals(key)) {
                placed[i] = true;
                comments.add(deviations.get(i).line());
            }
        }
        return comments;
    }

    /** The comment lines of every deviation not placed on a property, for above the resource. */
    List<String> rest() {
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < deviations.size(); i++) {
            if (!placed[i]) {
                placed[i] = true;
                comments.add(deviations.get(i).line());
            }
        }
        return comments;
    }
}
