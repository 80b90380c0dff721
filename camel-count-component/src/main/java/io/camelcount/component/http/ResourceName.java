package io.camelcount.component.http;

import com.fasterxml.jackson.annotation.JsonRootName;

/**
 * The names COUNT gives a resource in its answers, read from the model class the operation answers with:
 * {@code Invoice} is {@code data.invoice} when one is wrapped and {@code invoices} when a list is named after it
 * (contract §2; count-cli reads {@code invoices}, {@code recurringInvoiceTemplates}, {@code customers},
 * {@code products}, {@code tags}, {@code tagGroups}, {@code accounts}, each one its model's name in the plural). A
 * model COUNT names otherwise says so with Jackson's {@link JsonRootName}: a {@code WebhookSubscription} is
 * {@code data.webhook}.
 *
 * @param singular the key of one object wrapped under its name ({@code invoice})
 * @param plural   the key of a list named after the resource ({@code invoices})
 */
public record ResourceName(String singular, String plural) {

    /** Read once per model class: the producer unwraps every answer by it. */
    private static final ClassValue<ResourceName> NAMES = new ClassValue<>() {
        @Override
        protected ResourceName computeValue(Class<?> modelClass) {
            return read(modelClass);
        }
    };

    public static ResourceName of(Class<?> modelClass) {
        return NAMES.get(modelClass);
    }

    private static ResourceName read(Class<?> modelClass) {
        JsonRootName rootName = modelClass.getAnnotation(JsonRootName.class);
        String simpleName = modelClass.getSimpleName();
        String singular = rootName != null ? rootName.value()
                : Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
        return new ResourceName(singular, plural(singular));
    }

    /** English plurals as COUNT's resource names use them: {@code entry} → {@code entries}, {@code tag} → {@code tags}. */
    private static String plural(String singular) {
        int last = singular.length() - 1;
        if (singular.charAt(last) == 'y' && last > 0 && "aeiou".indexOf(singular.charAt(last - 1)) < 0) {
            return singular.substring(0, last) + "ies";
        }
        return singular + "s";
    }
}
