using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Parasol.Core.Web.Forms;

/// <summary>
/// The decided rule for what a person types, in both apps: everything is kept as typed (markup, quotes, emoji,
/// right-to-left marks) except control characters, which nobody can see or mean to type and which terminals obey (escape
/// sequences) or text copied from another program carries along. They are removed silently; tabs and line breaks stay.
/// PostgreSQL's one refusal, NUL, never gets this far: the form reader rejects it (400).
/// </summary>
public static class TypedText
{
    /// <summary>
    /// Applies the rule to every text a page binds from a form, a query or a route (properties, handler parameters and
    /// the items of lists), before validation, so no form can miss it and a page sent back shows the text as kept.
    /// Passwords are bound as typed: cleaned, the right password with an invisible character added would be right too.
    /// </summary>
    public static IServiceCollection AddParasolTypedText(this IServiceCollection services) =>
        services.Configure<MvcOptions>(options => options.ModelBinderProviders.Insert(0, new BinderProvider()));

    private static string? WithoutControlCharacters(string? value)
    {
        if (value is null || !value.Any(IsUnwanted))
        {
            return value;
        }
        var kept = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!IsUnwanted(c))
            {
                kept.Append(c);
            }
        }
        return kept.ToString();
    }

    private static bool IsUnwanted(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    private sealed class BinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            // Text a person sends, unless a binder of its own was named ([ModelBinder]) or it comes from a header or a body.
            var source = context.BindingInfo.BindingSource;
            var typed = source is null || source == BindingSource.ModelBinding || source == BindingSource.Form
                || source == BindingSource.Query || source == BindingSource.Path;
            return context.Metadata.ModelType == typeof(string) && typed && context.BindingInfo.BinderType is null
                && context.Metadata.DataTypeName != nameof(DataType.Password)
                ? new Binder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
                : null;
        }
    }

    /// <summary>The framework's own binder for text, reading through <see cref="Cleaned"/>: empty answers, ModelState and
    /// its attempted value (what a page sent back redisplays) all see the text as kept.</summary>
    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var original = bindingContext.ValueProvider;
            bindingContext.ValueProvider = new Cleaned(original);
            try
            {
                await inner.BindModelAsync(bindingContext);
            }
            finally
            {
                bindingContext.ValueProvider = original;
            }
        }
    }

    private sealed class Cleaned(IValueProvider inner) : IValueProvider
    {
        public bool ContainsPrefix(string prefix) => inner.ContainsPrefix(prefix);

        public ValueProviderResult GetValue(string key)
        {
            var result = inner.GetValue(key);
            if (result == ValueProviderResult.None || !result.Values.Any(v => v is not null && v.Any(IsUnwanted)))
            {
                return result;
            }
            return new ValueProviderResult(new StringValues([.. result.Values.Select(WithoutControlCharacters)]), result.Culture);
        }
    }
}
