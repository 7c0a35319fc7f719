using System.Text.Json;
using System.Text.Json.Serialization;

namespace PracticeK8s.Engine.Presentation.Views;

/// <summary>
/// Serializes a pipeline object as its model. Without it System.Text.Json would see the view's
/// IDictionary and write the dictionary instead (KubernetesJson.Serialize takes the runtime type).
/// </summary>
public sealed class ApiObjectViewJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeof(IApiObjectView).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(AsModel<>).MakeGenericType(typeToConvert))!;

    private sealed class AsModel<TView> : JsonConverter<TView>
    {
        private static readonly Type s_model = typeof(TView).BaseType!;

        public override TView? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (TView?)ApiObjectViews.ForPipeline(JsonSerializer.Deserialize(ref reader, s_model, options));

        public override void Write(Utf8JsonWriter writer, TView value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, s_model, options);
    }
}
