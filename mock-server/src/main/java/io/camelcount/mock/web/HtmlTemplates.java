package io.camelcount.mock.web;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.context.MethodValueResolver;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Handlebars templates of the mock's HTML pages, under {@code /html-pages}: Handlebars escapes every
 * {@code {{value}}}, which matters because names, notes and redirect URIs come from partners.
 */
final class HtmlTemplates {

    /** prettyPrint: a line holding only a tag ({@code {{#if}}}, a comment) leaves no empty line behind. */
    private static final Handlebars HANDLEBARS = new Handlebars(new ClassPathTemplateLoader("/html-pages", ".hbs"))
            .prettyPrint(true);

    private HtmlTemplates() {
    }

    static Template compile(String name) {
        try {
            return HANDLEBARS.compile(name);
        } catch (IOException missing) {
            throw new UncheckedIOException("The page template " + name + " is missing", missing);
        }
    }

    static String render(Template template, Object view) {
        // The views are records: their accessors are methods, not JavaBean getters.
        Context context = Context.newBuilder(view).resolver(MethodValueResolver.INSTANCE).build();
        try {
            return template.apply(context);
        } catch (IOException writing) {
            throw new UncheckedIOException(writing);
        } finally {
            context.destroy();
        }
    }
}
