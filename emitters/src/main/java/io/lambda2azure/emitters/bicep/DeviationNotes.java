package io.lambda2azure.emitters.bicep;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.deviation.Deviation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deviations written into one resource declaration, as comment lines ({@link Deviation#line()}). A
 * deviation on a property goes above the line that writes it, once the builder {@link #take takes} the
 * property's semantic key ({@code runtime}, {@code appSettings.NAME}, ...); everything not taken, including
 * deviations on the resource as a whole and on keys the resource does not write, goes above the resource
 * ({@link #rest}). Both keep the model's order.
 */
final class DeviationNotes {

    private final List<Deviation> deviations;
    private final boolean[] placed;

    private DeviationNotes(List<Deviation> deviations) {
        this.deviations = List.copyOf(deviations);
        this.placed = new boolean[deviations.size()];
    }

    /** The deviations targeted at the resource with that symbol. */
    static DeviationNotes of(AzureDeployment deployment, String symbol) {
        return new DeviationNotes(deployment.deviationsTargeting(symbol));
    }

    /** No deviations (resources the emitter adds, such as blob services). */
    static DeviationNotes none() {
        return new DeviationNotes(List.of());
    }

    /** The comment lines for the property with that semantic key, which is now placed. */
    List<Comment> take(String key) {
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < deviations.size(); i++) {
            Optional<String> property = deviations.get(i).target().orElseThrow().property();
            if (!placed[i] && property.isPresent() && property.get().equals(key)) {
                placed[i] = true;
                comments.add(new Comment(deviations.get(i).line()));
            }
        }
        return comments;
    }

    /** The comment lines of every deviation not placed on a property, for above the resource. */
    List<Comment> rest() {
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < deviations.size(); i++) {
            if (!placed[i]) {
                placed[i] = true;
                comments.add(new Comment(deviations.get(i).line()));
            }
        }
        return comments;
    }
}
