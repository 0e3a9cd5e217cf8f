using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Validation;
using IstioTutor.Sandbox.GatewayApi;
using IstioTutor.Sandbox.Patching;
using IstioTutor.Sandbox.Schemas;
using IstioTutor.Sandbox.Seeding;
using IstioTutor.Sandbox.Selection;
using IstioTutor.Sandbox.Storage;
using IstioTutor.Sandbox.Watching;

namespace IstioTutor.Sandbox.Api;

/// <summary>
/// The API server's semantics over the store: metadata bookkeeping (uid, creationTimestamp,
/// resourceVersion, generation), optimistic concurrency, dry runs, read-only seeded workloads,
/// learner namespaces created and seeded on first write, and Istio validation on every write.
/// One lock serialises every request: the sandbox is small and a write takes well under a millisecond,
/// including its LiteDB commit, which every write makes before it replies.
/// </summary>
internal sealed partial class ResourceApi
{
    private static readonly HashSet<string> SystemNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease", MeshSnapshot.RootNamespace];

    private readonly Lock _gate = new();
    private readonly SandboxStore _store;
    private readonly ServedResources _served;
    private readonly IResourceValidator? _validator;
    private readonly TimeProvider _time;
    private readonly GatewayController _gateways;
    private readonly WatchHub _watches;
    private readonly CrdSchemas _crds;

    public ResourceApi(SandboxStore store, ServedResources served, IResourceValidator? validator, TimeProvider time, WatchHub watches, CrdSchemas crds)
    {
        _crds = crds;
        _watches = watches;
        _store = store;
        _served = served;
        _validator = validator;
        _time = time;
        _gateways = new GatewayController(store, time, PutSeeded);
        lock (_gate)
        {
            if (store.IsEmpty)
            {
                foreach (var ns in SystemNamespaces)
                {
                    CreateNamespace(ns, null, null);
                }

                foreach (var seeded in SampleWorkloads.IstioSystem())
                {
                    PutSeeded(seeded);
                }

                store.Commit();
            }

            // Istio's class controller puts back a missing built-in GatewayClass whenever istiod starts.
            _gateways.Reconcile();
            store.Commit();
        }
    }

    public ServedResources Served => _served;

    public long ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _store.ResourceVersion;
            }
        }
    }

    public ApiReply Get(ServedResource r, string? ns, string name)
    {
        lock (_gate)
        {
            var found = _store.Find(r.Group, r.Plural, ns ?? "", name);
            return ApiReply.Ok(found is null ? throw StatusError.NotFound(r, name) : Out(r, found));
        }
    }

    public ApiReply List(ServedResource r, string? ns, string? labelSelector, string? fieldSelector)
    {
        var selector = Selector(labelSelector);
        var fields = FieldRequirements(fieldSelector);
        lock (_gate)
        {
            var items = _store.List(r.Group, r.Plural, r.Kind.Namespaced ? ns : "")
                    .Where(o => selector.Matches(o["metadata"]?["labels"] as JsonObject) && fields.All(f => f(o)))
                    .Select(o => (JsonNode)Out(r, o))
                    .ToArray();
            return ApiReply.Ok(new JsonObject
            {
                ["apiVersion"] = r.GroupVersion,
                ["kind"] = r.Kind.Kind + "List",
                ["metadata"] = new JsonObject { ["resourceVersion"] = Rv(_store.ResourceVersion) },
                ["items"] = new JsonArray(items),
            });
        }
    }

    /// <summary>
    /// Opens a watch: with no resourceVersion (or "0") it first reports every matching object as ADDED, as
    /// kube-apiserver does; from a given resourceVersion it replays the kept changes after it, or answers
    /// 410 Gone when they are no longer all kept. Runs under the lock, so nothing falls between state and stream.
    /// </summary>
    public WatchSubscription Watch(ServedResource r, string? ns, string? labelSelector, string? fieldSelector, string? resourceVersion, string client, bool sendInitialEvents = false)
    {
        var selector = Selector(labelSelector);
        var fields = FieldRequirements(fieldSelector);
        bool Matches(JsonObject o) => selector.Matches(o["metadata"]?["labels"] as JsonObject) && fields.All(f => f(o));
        long? from = null;
        if (!sendInitialEvents && !string.IsNullOrEmpty(resourceVersion) && resourceVersion != "0")
        {
            from = long.TryParse(resourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw StatusError.BadRequest($"resourceVersion \"{resourceVersion}\" is not a resourceVersion this server gave out (they are whole numbers)");
        }

        lock (_gate)
        {
            IReadOnlyList<StoreChange>? replay = null;
            if (from is { } version)
            {
                replay = _store.ChangesSince(version)
                    ?? throw new StatusError(410, "Expired", $"too old resource version: {version} ({_store.OldestKeptVersion})");
            }

            // The initial state never counts against the queue limit: only a watcher falling behind live changes is ended.
            var initial = replay is null ? _store.List(r.Group, r.Plural, r.Kind.Namespaced ? ns : "").Where(Matches).ToList() : [];
            var subscription = _watches.Subscribe(r, r.Kind.Namespaced ? ns : null, Matches, client, initial.Count + (replay?.Count ?? 0) + 1);
            if (replay is null)
            {
                foreach (var o in initial)
                {
                    subscription.Offer(new WatchEvent("ADDED", o.DeepClone().AsObject()));
                }

                if (sendInitialEvents)
                {
                    // The watch-list protocol: a bookmark marks the end of the initial state.
                    subscription.Offer(new WatchEvent("BOOKMARK", Bookmark(r, _store.ResourceVersion, initialEventsEnd: true)));
                }
            }
            else
            {
                foreach (var change in replay)
                {
                    subscription.Offer(change);
                }
            }

            return subscription;
        }
    }

    /// <summary>The resourceVersion a bookmark may carry now: null while the watch still has events to send.</summary>
    public long? BookmarkVersion(WatchSubscription subscription)
    {
        lock (_gate)
        {
            return subscription.Events.Count == 0 ? _store.ResourceVersion : null;
        }
    }

    /// <summary>A BOOKMARK event's object: only the kind and a resourceVersion the client may resume from.</summary>
    public static JsonObject Bookmark(ServedResource r, long version, bool initialEventsEnd)
    {
        var metadata = new JsonObject { ["resourceVersion"] = Rv(version) };
        if (initialEventsEnd)
        {
            metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        }

        return new JsonObject { ["kind"] = r.Kind.Kind, ["apiVersion"] = r.GroupVersion, ["metadata"] = metadata };
    }

    /// <summary>What a client reads: a copy stamped with the apiVersion it asked through.</summary>
    public static JsonObject Render(ServedResource r, JsonObject stored) => Out(r, stored);

    public ApiReply Create(ServedResource r, string? ns, JsonNode? body, bool dryRun, FieldValidation validation = FieldValidation.Warn) =>
        Committed(r, dryRun, () => CreateStaged(r, ns, body, dryRun, validation));

    private ApiReply CreateStaged(ServedResource r, string? ns, JsonNode? body, bool dryRun, FieldValidation validation)
    {
        lock (_gate)
        {
            var obj = Body(r, body);
            var metadata = (JsonObject)obj["metadata"]!;
            CheckNamespace(r, ns, metadata);
            var name = (string?)metadata["name"];
            if (string.IsNullOrEmpty(name) && metadata["generateName"] is JsonValue generateName && generateName.TryGetValue<string>(out var prefix))
            {
                name = prefix + Guid.NewGuid().ToString("N")[..5];
            }

            if (string.IsNullOrEmpty(name))
            {
                throw StatusError.Invalid(r, "", [new FieldCause("metadata.name", "Required value: name or generateName is required")]);
            }

            CheckName(r, name);
            RefuseReadOnly(r, name, "create");
            if (r.Access == ServedAccess.Namespaces)
            {
                if (_store.Find("", "namespaces", "", name) is not null)
                {
                    throw StatusError.AlreadyExists(r, name);
                }

                var created = SampleWorkloads.Namespace(name, metadata["labels"] as JsonObject, metadata["annotations"] as JsonObject);
                if (!dryRun)
                {
                    created = CreateNamespace(name, metadata["labels"] as JsonObject, metadata["annotations"] as JsonObject);
                }

                return new ApiReply(201, Out(r, created), []);
            }

            ns = r.Kind.Namespaced ? ns! : "";
            if (r.Kind.Namespaced)
            {
                EnsureNamespace(ns, dryRun);
            }

            var stored = Fresh(obj, ns, name, r.Kind);
            var warnings = Admit(r, name, stored, validation, creating: true);
            if (_store.Find(r.Group, r.Plural, ns, name) is not null)
            {
                throw StatusError.AlreadyExists(r, name);
            }

            PrepareWorkload(r, name, stored, null);
            var plan = PlanDeployment(r, stored);
            if (!dryRun)
            {
                _store.Put(r.Group, r.Plural, ns, stored);
                ApplyPlan(stored, plan);
            }

            return new ApiReply(201, Out(r, stored), warnings);
        }
    }

    public ApiReply Replace(ServedResource r, string? ns, string name, JsonNode? body, bool dryRun, FieldValidation validation = FieldValidation.Warn) =>
        Committed(r, dryRun, () => ReplaceStaged(r, ns, name, body, dryRun, validation));

    private ApiReply ReplaceStaged(ServedResource r, string? ns, string name, JsonNode? body, bool dryRun, FieldValidation validation)
    {
        lock (_gate)
        {
            RefuseReadOnly(r, name, "update");
            var obj = Body(r, body);
            var existing = _store.Find(r.Group, r.Plural, ns ?? "", name) ?? throw StatusError.NotFound(r, name);
            RefuseSeeded(r, name, existing, "update");
            if (obj["metadata"]?["resourceVersion"] is null)
            {
                throw StatusError.Invalid(r, name, [new FieldCause("metadata.resourceVersion", "Invalid value: 0x0: must be specified for an update")]);
            }

            return Update(r, ns, name, existing, obj, dryRun, validation);
        }
    }

    public ApiReply Patch(ServedResource r, string? ns, string name, PatchFormat format, JsonNode? patch, bool dryRun, FieldValidation validation = FieldValidation.Warn) =>
        Committed(r, dryRun, () => PatchStaged(r, ns, name, format, patch, dryRun, validation));

    private ApiReply PatchStaged(ServedResource r, string? ns, string name, PatchFormat format, JsonNode? patch, bool dryRun, FieldValidation validation)
    {
        lock (_gate)
        {
            RefuseReadOnly(r, name, "patch");
            if (format == PatchFormat.Strategic && r.Access is not (ServedAccess.Namespaces or ServedAccess.Workload))
            {
                // kube-apiserver has no strategic-merge schema for custom resources either.
                throw StatusError.UnsupportedPatch("application/strategic-merge-patch+json");
            }

            var existing = _store.Find(r.Group, r.Plural, ns ?? "", name);
            if (existing is not null && !IsRolloutRestart(r, format, patch) && !IsLabelsOnly(r, format, patch))
            {
                RefuseSeeded(r, name, existing, "patch");
            }

            if (existing is null)
            {
                if (format != PatchFormat.Apply)
                {
                    throw StatusError.NotFound(r, name);
                }

                // Server-side apply creates what does not exist yet (the lock is re-entrant).
                return Create(r, ns, patch, dryRun, validation);
            }

            JsonNode? patched;
            try
            {
                patched = format == PatchFormat.Json
                    ? JsonPatchDocument.Apply(Out(r, existing), patch ?? throw new JsonPatchException("the patch is empty"))
                    : format == PatchFormat.Strategic ? StrategicMergePatch.Apply(Out(r, existing), patch)
                    : JsonMergePatch.Apply(Out(r, existing), patch);
            }
            catch (JsonPatchException e)
            {
                throw StatusError.Invalid(r, name, [new FieldCause("patch", $"Invalid value: {e.Message}")]);
            }

            if (patched is not JsonObject patchedObject)
            {
                throw StatusError.BadRequest($"the patch turns {r.QualifiedPlural} \"{name}\" into something that is not a JSON object");
            }

            return Update(r, ns, name, existing, Body(r, patchedObject), dryRun, validation);
        }
    }

    /// <summary>PUT on the status subresource: only status changes, never spec or generation.</summary>
    public ApiReply ReplaceStatus(ServedResource r, string? ns, string name, JsonNode? body, bool dryRun) =>
        Committed(r, dryRun, () =>
        {
            lock (_gate)
            {
                var existing = _store.Find(r.Group, r.Plural, ns ?? "", name) ?? throw StatusError.NotFound(r, name);
                var obj = Body(r, body);
                var wanted = (string?)obj["metadata"]?["resourceVersion"];
                if (wanted is not null && wanted != (string?)existing["metadata"]!["resourceVersion"])
                {
                    throw StatusError.Conflict(r, name);
                }

                return WriteStatus(r, ns, existing, obj["status"], dryRun);
            }
        });

    /// <summary>PATCH on the status subresource: the patch applies to the whole object, only its status is kept.</summary>
    public ApiReply PatchStatus(ServedResource r, string? ns, string name, PatchFormat format, JsonNode? patch, bool dryRun) =>
        Committed(r, dryRun, () =>
        {
            lock (_gate)
            {
                var existing = _store.Find(r.Group, r.Plural, ns ?? "", name) ?? throw StatusError.NotFound(r, name);
                if (format is PatchFormat.Strategic or PatchFormat.Apply)
                {
                    throw StatusError.UnsupportedPatch(format == PatchFormat.Strategic ? "application/strategic-merge-patch+json" : "application/apply-patch+yaml");
                }

                JsonNode? patched;
                try
                {
                    patched = format == PatchFormat.Json
                        ? JsonPatchDocument.Apply(Out(r, existing), patch ?? throw new JsonPatchException("the patch is empty"))
                        : JsonMergePatch.Apply(Out(r, existing), patch);
                }
                catch (JsonPatchException e)
                {
                    throw StatusError.Invalid(r, name, [new FieldCause("patch", $"Invalid value: {e.Message}")]);
                }

                return WriteStatus(r, ns, existing, (patched as JsonObject)?["status"], dryRun);
            }
        });

    private ApiReply WriteStatus(ServedResource r, string? ns, JsonObject existing, JsonNode? status, bool dryRun)
    {
        if (status is not null and not JsonObject)
        {
            throw StatusError.Invalid(r, (string)existing["metadata"]!["name"]!, [new FieldCause("status", "Invalid value: status must be of type object")]);
        }

        var stored = existing.DeepClone().AsObject();
        SetOrRemove(stored, "status", status?.DeepClone());
        if (JsonNode.DeepEquals(stored, existing))
        {
            return ApiReply.Ok(Out(r, existing));
        }

        if (!dryRun)
        {
            _store.Put(r.Group, r.Plural, ns ?? "", stored);
        }

        return ApiReply.Ok(Out(r, stored));
    }

    public ApiReply Delete(ServedResource r, string? ns, string name, bool dryRun) =>
        Committed(r, dryRun, () => DeleteStaged(r, ns, name, dryRun));

    private ApiReply DeleteStaged(ServedResource r, string? ns, string name, bool dryRun)
    {
        lock (_gate)
        {
            RefuseReadOnly(r, name, "delete");
            if (r.Access == ServedAccess.Namespaces && SystemNamespaces.Contains(name))
            {
                throw StatusError.Forbidden(r, name, "delete", $"\"{name}\" is a system namespace of the sandbox and is kept");
            }

            var existing = _store.Find(r.Group, r.Plural, ns ?? "", name) ?? throw StatusError.NotFound(r, name);
            RefuseSeeded(r, name, existing, "delete");
            if (!dryRun)
            {
                if (r.Access == ServedAccess.Namespaces)
                {
                    _store.RemoveNamespaceContents(name);
                }

                DeleteOwnedPods(r, ns ?? "", name);
                _store.Remove(r.Group, r.Plural, ns ?? "", name);
                ReplacePod(r, ns ?? "", existing);
            }

            return ApiReply.Ok(new JsonObject
            {
                ["kind"] = "Status",
                ["apiVersion"] = "v1",
                ["metadata"] = new JsonObject(),
                ["status"] = "Success",
                ["details"] = new JsonObject
                {
                    ["name"] = name,
                    ["group"] = r.Group,
                    ["kind"] = r.Plural,
                    ["uid"] = existing["metadata"]?["uid"]?.DeepClone(),
                },
            });
        }
    }

    /// <summary>
    /// Runs a write under the lock and commits what it staged before the reply can leave, so an acknowledged
    /// write is in the file. Also when the write is refused part-way: a learner namespace made on first use
    /// stays made, as it would on a cluster. A write that Istio's gateway controller watches (a Gateway API
    /// object, a Service, a namespace's labels) is followed by its reconcile, committed with it, as istiod
    /// writes status moments after the write.
    /// </summary>
    private ApiReply Committed(ServedResource r, bool dryRun, Func<ApiReply> write)
    {
        lock (_gate)
        {
            try
            {
                var reply = write();
                if (!dryRun && GatewayController.Watches(r.Kind))
                {
                    _gateways.Reconcile();
                }

                return reply;
            }
            finally
            {
                _watches.Publish(_store.Commit());
            }
        }
    }

    private ApiReply Update(ServedResource r, string? ns, string name, JsonObject existing, JsonObject candidate, bool dryRun, FieldValidation validation = FieldValidation.Warn)
    {
        var metadata = (JsonObject)candidate["metadata"]!;
        if ((string?)metadata["name"] != name)
        {
            throw StatusError.BadRequest($"the name of the object ({(string?)metadata["name"]}) does not match the name on the URL ({name})");
        }

        CheckNamespace(r, ns, metadata);
        var current = (string?)existing["metadata"]!["resourceVersion"];
        var wanted = (string?)metadata["resourceVersion"];
        if (wanted is not null && wanted != current)
        {
            throw StatusError.Conflict(r, name);
        }

        var oldMeta = (JsonObject)existing["metadata"]!;
        JsonObject stored;
        if (r.Access == ServedAccess.Namespaces)
        {
            // Only labels and annotations of a namespace are the client's to change.
            stored = existing.DeepClone().AsObject();
            var labels = metadata["labels"]?.DeepClone().AsObject() ?? new JsonObject();
            labels["kubernetes.io/metadata.name"] = name;
            ((JsonObject)stored["metadata"]!)["labels"] = labels;
            SetOrRemove((JsonObject)stored["metadata"]!, "annotations", metadata["annotations"]?.DeepClone());
        }
        else
        {
            stored = Fresh(candidate, ns!, name, r.Kind);
            var newMeta = (JsonObject)stored["metadata"]!;
            newMeta["uid"] = oldMeta["uid"]?.DeepClone();
            newMeta["creationTimestamp"] = oldMeta["creationTimestamp"]?.DeepClone();
            var generation = Generation(oldMeta["generation"]);
            newMeta["generation"] = generation;
            SetOrRemove(stored, "status", existing["status"]?.DeepClone());
            if (!JsonNode.DeepEquals(Spec(stored), Spec(existing)))
            {
                newMeta["generation"] = generation + 1;
            }
        }

        ((JsonObject)stored["metadata"]!)["resourceVersion"] = current;
        if (ResourceKinds.IsGatewayApi(r.Group) && GatewayApiTransitionRules.Check(r.Kind.Kind, existing, stored) is { Count: > 0 } transition)
        {
            throw StatusError.Invalid(r, name, transition);
        }

        var warnings = Admit(r, name, stored, validation, creating: false);
        PrepareWorkload(r, name, stored, existing);
        var plan = PlanDeployment(r, stored);
        if (JsonNode.DeepEquals(stored, existing))
        {
            // A no-op write keeps the resourceVersion, as kube-apiserver does.
            return ApiReply.Ok(Out(r, existing), warnings);
        }

        if (!dryRun)
        {
            _store.Put(r.Group, r.Plural, ns ?? "", stored);
            ApplyPlan(stored, plan);
        }

        return ApiReply.Ok(Out(r, stored), warnings);
    }

    /// <summary>Checks the body's apiVersion, kind and metadata shape; fills apiVersion/kind when absent.</summary>
    private static JsonObject Body(ServedResource r, JsonNode? body)
    {
        if (body is not JsonObject obj)
        {
            throw StatusError.BadRequest($"the request body must be a JSON object describing a {r.Kind.Kind}");
        }

        if (obj["apiVersion"] is JsonNode apiVersion && (string?)apiVersion is { } given)
        {
            if (given != r.GroupVersion)
            {
                throw StatusError.BadRequest($"the API version in the data ({given}) does not match the expected API version ({r.GroupVersion})");
            }
        }

        if (obj["kind"] is JsonNode kindNode && (string?)kindNode is { } kind && kind != r.Kind.Kind)
        {
            throw StatusError.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({r.Kind.Kind}) of {r.QualifiedPlural}");
        }

        var metadata = obj["metadata"] ?? new JsonObject();
        if (metadata is not JsonObject metadataObject)
        {
            throw StatusError.BadRequest($"{r.Kind.Kind}: metadata must be a JSON object");
        }

        foreach (var map in new[] { "labels", "annotations" })
        {
            if (metadataObject[map] is JsonNode node && (node is not JsonObject entries || entries.Any(e => e.Value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)))
            {
                throw StatusError.BadRequest($"{r.Kind.Kind}: metadata.{map} must map strings to strings (quote numbers and booleans, e.g. version: \"2\")");
            }
        }

        obj["metadata"] = metadataObject;
        return obj;
    }

    /// <summary>A copy to store: server-owned metadata reset, status dropped (it is a subresource).</summary>
    private JsonObject Fresh(JsonObject body, string ns, string name, ResourceKind kind)
    {
        var metadata = body["metadata"]!.DeepClone().AsObject();
        foreach (var key in new[] { "resourceVersion", "uid", "creationTimestamp", "generation", "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds", "generateName" })
        {
            metadata.Remove(key);
        }

        var ordered = kind.Namespaced ? new JsonObject { ["name"] = name, ["namespace"] = ns } : new JsonObject { ["name"] = name };
        foreach (var (key, value) in metadata)
        {
            if (key is not "name" and not "namespace")
            {
                ordered[key] = value?.DeepClone();
            }
        }

        ordered["uid"] = Guid.NewGuid().ToString();
        ordered["creationTimestamp"] = Now();
        ordered["generation"] = 1L;
        // Stored at the canonical version so objects written through any served version compare equal.
        var canonical = ResourceKinds.All.FirstOrDefault(k => k.Group == kind.Group && k.Kind == kind.Kind) ?? kind;
        var result = new JsonObject { ["apiVersion"] = canonical.ApiVersion, ["kind"] = kind.Kind, ["metadata"] = ordered };
        foreach (var (key, value) in body)
        {
            if (key is not "apiVersion" and not "kind" and not "metadata" and not "status")
            {
                result[key] = value?.DeepClone();
            }
        }

        if (ResourceKinds.IsGatewayApi(kind.Group))
        {
            GatewayApiDefaults.Apply(kind.Kind, result);
        }

        return result;
    }

    /// <summary>Structural checks every API server makes, then Istio's validation; errors become 422.</summary>
    private IReadOnlyList<string> Admit(ServedResource r, string name, JsonObject obj, FieldValidation validation, bool creating)
    {
        if (obj["spec"] is JsonNode spec && spec is not JsonObject)
        {
            throw StatusError.Invalid(r, name, [new FieldCause("spec", $"Invalid value: \"{spec.GetValueKind().ToString().ToLowerInvariant()}\": spec must be of type object")]);
        }

        if (r.Access != ServedAccess.Writable)
        {
            return [];
        }

        var warnings = CheckFields(r, obj, validation, creating);
        if (_validator is null)
        {
            return warnings;
        }

        var outcome = _validator.Validate(r.Kind, Out(r, obj));
        if (outcome.IsValid)
        {
            return [.. warnings, .. outcome.Warnings.Except(warnings)];
        }

        // The Gateway API has no webhook: its CRD schema and CEL rules refuse, in the API server's own words.
        throw ResourceKinds.IsGatewayApi(r.Group) ? StatusError.Invalid(r, name, outcome.Errors) : StatusError.Denied(r, name, outcome.Errors);
    }

    private static void RefuseReadOnly(ServedResource r, string name, string verb)
    {
        switch (r.Access)
        {
            case ServedAccess.Pods when verb != "delete":
                throw StatusError.Forbidden(r, name, verb, PodsReadOnly);
            case ServedAccess.Events:
                throw new StatusError(405, "MethodNotAllowed", $"{verb} is not allowed on events in the sandbox");
        }
    }

    private void CheckName(ServedResource r, string name)
    {
        var label = r.Access == ServedAccess.Namespaces;
        if ((label && (name.Length > 63 || !DnsLabel().IsMatch(name))) || (!label && (name.Length > 253 || !DnsSubdomain().IsMatch(name))))
        {
            var rule = label
                ? "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
                : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
            throw StatusError.Invalid(r, name, [new FieldCause("metadata.name", $"Invalid value: \"{name}\": {rule}")]);
        }
    }

    private static void CheckNamespace(ServedResource r, string? ns, JsonObject metadata)
    {
        if (!r.Kind.Namespaced)
        {
            return;
        }

        var given = (string?)metadata["namespace"];
        if (!string.IsNullOrEmpty(given) && given != ns)
        {
            throw StatusError.BadRequest($"the namespace of the provided object ({given}) does not match the namespace sent on the request ({ns})");
        }
    }

    /// <summary>Learner namespaces come into being on their first write; any other must exist.</summary>
    private void EnsureNamespace(string ns, bool dryRun)
    {
        if (_store.Find("", "namespaces", "", ns) is not null)
        {
            return;
        }

        if (!SampleWorkloads.IsLearnerNamespace(ns) || !DnsLabel().IsMatch(ns) || ns.Length > 63)
        {
            throw StatusError.NamespaceNotFound(ns);
        }

        if (!dryRun)
        {
            CreateNamespace(ns, null, null);
        }
    }

    private JsonObject CreateNamespace(string ns, JsonObject? labels, JsonObject? annotations)
    {
        var obj = SampleWorkloads.Namespace(ns, labels, annotations);
        var metadata = (JsonObject)obj["metadata"]!;
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Now();
        _store.Put("", "namespaces", "", obj);
        if (SampleWorkloads.IsLearnerNamespace(ns))
        {
            foreach (var seeded in SampleWorkloads.BookinfoIn(ns))
            {
                PutSeeded(seeded);
            }
        }

        return obj;
    }

    /// <summary>
    /// Seeds one read-only workload object (a Service, say) the way the sample app is seeded, then lets the
    /// gateway controller see it, as it would see any Service appear.
    /// </summary>
    internal void Seed(SeededObject seeded)
    {
        lock (_gate)
        {
            try
            {
                PutSeeded(seeded);
                _gateways.Reconcile();
            }
            finally
            {
                _watches.Publish(_store.Commit());
            }
        }
    }

    private void PutSeeded(SeededObject seeded)
    {
        var metadata = (JsonObject)seeded.Object["metadata"]!;
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Now();
        if (seeded.Kind == ResourceKinds.Deployment)
        {
            metadata["generation"] = 1L;
        }

        var annotations = metadata["annotations"] as JsonObject ?? new JsonObject();
        annotations[SampleWorkloads.SeededAnnotation] = "true";
        metadata["annotations"] = annotations;
        var resource = _served.All.First(r => r.Group == seeded.Kind.Group && r.Plural == seeded.Kind.Plural);
        PrepareWorkload(resource, (string)metadata["name"]!, seeded.Object, null);
        var plan = PlanDeployment(resource, seeded.Object);
        _store.Put(seeded.Kind.Group, seeded.Kind.Plural, (string)metadata["namespace"]!, seeded.Object);
        ApplyPlan(seeded.Object, plan);
    }

    private static LabelSelector Selector(string? labelSelector)
    {
        try
        {
            return LabelSelector.Parse(labelSelector);
        }
        catch (FormatException e)
        {
            throw StatusError.BadRequest($"labelSelector \"{labelSelector}\": {e.Message}");
        }
    }

    private static List<Func<JsonObject, bool>> FieldRequirements(string? fieldSelector)
    {
        var result = new List<Func<JsonObject, bool>>();
        if (string.IsNullOrWhiteSpace(fieldSelector))
        {
            return result;
        }

        foreach (var part in fieldSelector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var negate = part.Contains("!=", StringComparison.Ordinal);
            var pieces = part.Split(negate ? "!=" : part.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            if (pieces.Length != 2 || !SelectableFields.Contains(pieces[0]))
            {
                throw StatusError.BadRequest($"fieldSelector \"{part}\": field label not supported; the sandbox selects on {string.Join(", ", SelectableFields)}");
            }

            var path = pieces[0].Split('.');
            var value = pieces[1];
            result.Add(o => (FieldValue(o, path) == value) != negate);
        }

        return result;
    }

    /// <summary>What a client reads: a copy stamped with the apiVersion it asked through.</summary>
    private static JsonObject Out(ServedResource r, JsonObject stored)
    {
        var copy = stored.DeepClone().AsObject();
        copy["apiVersion"] = r.GroupVersion;
        return copy;
    }

    /// <summary>Reads metadata.generation whichever numeric type the node holds (parsed JSON or set in code).</summary>
    private static long Generation(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<long>(out var l) ? l
        : node is JsonValue w && w.TryGetValue<int>(out var i) ? i
        : node is JsonValue e && e.TryGetValue<JsonElement>(out var element) && element.TryGetInt64(out var parsed) ? parsed
        : 1;

    private static JsonObject Spec(JsonObject obj)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key is not "metadata" and not "status" and not "apiVersion" and not "kind")
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    private static void SetOrRemove(JsonObject target, string key, JsonNode? value)
    {
        if (value is null)
        {
            target.Remove(key);
        }
        else
        {
            target[key] = value;
        }
    }

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Rv(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}
