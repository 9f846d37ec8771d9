using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.Secrets;

/// <summary>
/// AG0501: a string literal or constant is used as a credential: it reaches a parameter, property, field, local or parameter
/// default whose name says password, secret, API key, access key, private key or client secret (the password of
/// <c>NetworkCredential</c>, <c>UserManager.CreateAsync</c>, <c>SignInManager.PasswordSignInAsync</c>, <c>ClientSecret</c>, …), or
/// it is a connection string with a password that reaches a <c>connectionString</c> parameter or property (<c>UseSqlServer</c>,
/// <c>new SqlConnection</c>, <c>DbConnection.ConnectionString</c>, <c>*ConnectionStringBuilder</c>). Anyone who reads the code or
/// the compiled assembly has the credential.
/// AG0502: the same, with a well-known default (<c>admin123</c>, <c>P@ssw0rd</c>, a user name equal to its password, <c>sa</c>
/// with an empty password): anyone can guess it without the code. A value gets one of the two rules, never both.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedCredentialAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: the configuration key the fix reads (<c>Admin:Password</c>; <c>ConnectionStrings:Default</c> for connection strings).</summary>
    public const string KeyProperty = "Key";

    /// <summary>Property: the connection string name the fix reads with <c>GetConnectionString</c>, for connection strings only.</summary>
    public const string ConnectionStringNameProperty = "ConnectionStringName";

    /// <summary>Property, "true" when the value is required (a non-nullable target): the fix throws when it is not configured.</summary>
    public const string RequiredProperty = "Required";

    /// <summary>Property: the <see cref="CredentialSite"/> of the reported value.</summary>
    public const string SiteProperty = "Site";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.HardcodedCredential,
        title: "Do not hard-code credentials",
        messageFormat: "{0} is hard-coded; read it from configuration or the environment",
        description: "A password, secret or key written in the code is in every copy of the repository and of the compiled app, and cannot be "
            + "changed without a release. Read it from configuration (user secrets in development, the environment or a vault in production).",
        RuleArea.Secrets,
        DiagnosticSeverity.Warning,
        cwe: 798,
        owasp: "API8",
        hasCodeFix: true);

    internal static readonly DiagnosticDescriptor DefaultRule = Descriptors.Descriptors.Create(
        RuleIds.DefaultCredential,
        title: "Do not use well-known default credentials",
        messageFormat: "{0} is a well-known default credential that anyone can guess",
        description: "A default password such as admin123, P@ssw0rd or a user name repeated as the password is the first thing attackers try. "
            + "Read the credential from configuration and give every environment its own strong value.",
        RuleArea.Secrets,
        DiagnosticSeverity.Error,
        cwe: 1392,
        owasp: "API2",
        hasCodeFix: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, DefaultRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.GetOrCreate(start.Compilation);
            if (!types.IsAspNetCoreApp || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            var analysis = new CompilationAnalysis(types, AppModelProvider.GetOrCreate(start.Compilation), start.Options.AnalyzerConfigOptionsProvider);
            start.RegisterOperationAction(analysis.AnalyzeArgument, OperationKind.Argument);
            start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
            start.RegisterOperationAction(analysis.AnalyzeLocal, OperationKind.VariableDeclarator);
            start.RegisterOperationAction(analysis.AnalyzeInitializer, OperationKind.FieldInitializer, OperationKind.PropertyInitializer, OperationKind.ParameterInitializer);
        });
    }

    /// <summary>One value found in a credential slot, before its value is judged.</summary>
    private sealed class Finding
    {
        public Finding(CredentialName name, string description, IOperation value, CredentialSite site, bool required)
        {
            Name = name;
            Description = description;
            Value = value;
            Site = site;
            Required = required;
        }

        public CredentialName Name { get; }

        /// <summary>What the message calls the slot: <c>The password passed to 'UserManager.CreateAsync'</c>, <c>'AdminPassword'</c>.</summary>
        public string Description { get; }

        /// <summary>The constant value expression, reported and replaced by the fix.</summary>
        public IOperation Value { get; }

        public CredentialSite Site { get; }

        public bool Required { get; }

        /// <summary>The name the value is assigned to, when a value equal to it is a name rather than a secret (declarations and assignments).</summary>
        public string? ExemptWhenEqualTo { get; set; }

        /// <summary>The user name that goes with the password (a sibling argument or initializer), if constant.</summary>
        public string? UserName { get; set; }

        /// <summary>The configuration section for the key when the name has no qualifier.</summary>
        public string? Section { get; set; }

        /// <summary>The configuration key the code already reads (<c>config["Admin:Password"] ?? "admin123"</c>).</summary>
        public string? ExistingKey { get; set; }

        /// <summary>The operation whose environment guard decides whether the finding runs outside Development.</summary>
        public IOperation? GuardAnchor { get; set; }
    }

    private sealed class CompilationAnalysis
    {
        private readonly KnownTypes _types;
        private readonly AppModelProvider _provider;
        private readonly AnalyzerConfigOptionsProvider _options;

        public CompilationAnalysis(KnownTypes types, AppModelProvider provider, AnalyzerConfigOptionsProvider options)
        {
            _types = types;
            _provider = provider;
            _options = options;
        }

        /// <summary>An argument to a parameter named like a credential (<c>password</c>, <c>newPassword</c>, <c>clientSecret</c>, <c>connectionString</c>).</summary>
        public void AnalyzeArgument(OperationAnalysisContext context)
        {
            var argument = (IArgumentOperation)context.Operation;
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is not { Type.SpecialType: SpecialType.System_String } parameter)
            {
                return;
            }

            if (ValueOf(argument.Value) is not { } value)
            {
                return;
            }

            var name = Credentials.Classify(parameter.Name);
            if (!IsCredentialSlot(name))
            {
                return;
            }

            var (site, reported, existingKey) = value;
            var finding = new Finding(name, ArgumentDescription(name, argument), reported, site, IsRequired(parameter.NullableAnnotation))
            {
                ExistingKey = existingKey,
                UserName = SiblingUserName(argument),
                Section = ArgumentSection(argument),
            };
            Report(context, finding);
        }

        /// <summary><c>x.Password = "…"</c>, <c>options.ClientSecret = "…"</c>, <c>connection.ConnectionString = "…"</c>, object and anonymous-object initializers.</summary>
        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            var (symbol, type, annotation) = assignment.Target switch
            {
                IPropertyReferenceOperation { Property.IsIndexer: false } property => ((ISymbol)property.Property, property.Property.Type, property.Property.NullableAnnotation),
                IFieldReferenceOperation field => (field.Field, field.Field.Type, field.Field.NullableAnnotation),
                ILocalReferenceOperation local => (local.Local, local.Local.Type, local.Local.NullableAnnotation),
                IParameterReferenceOperation parameter => (parameter.Parameter, parameter.Parameter.Type, parameter.Parameter.NullableAnnotation),
                _ => (null, null, NullableAnnotation.None),
            };
            if (symbol is null || type?.SpecialType != SpecialType.System_String)
            {
                return;
            }

            if (ValueOf(assignment.Value) is not { } value)
            {
                return;
            }

            var name = Credentials.Classify(symbol.Name);
            if (!IsCredentialSlot(name))
            {
                return;
            }

            var (site, reported, existingKey) = value;
            var finding = new Finding(name, MemberDescription(name, symbol), reported, site, IsRequired(annotation))
            {
                ExistingKey = existingKey,
                ExemptWhenEqualTo = symbol.Name,
                UserName = SiblingUserName(assignment),
                Section = symbol is IPropertySymbol or IFieldSymbol ? MemberSection(symbol) : Credentials.SectionFromType(EnclosingType(assignment)),
            };
            Report(context, finding);
        }

        /// <summary>
        /// A local declared with a constant (<c>const string adminPassword = "…"</c>, or a local never assigned again): reported when its
        /// name says credential, or when it flows into a credential slot in the same body (<c>var cs = "…;Password=…"; new SqlConnection(cs)</c>).
        /// </summary>
        public void AnalyzeLocal(OperationAnalysisContext context)
        {
            var declarator = (IVariableDeclaratorOperation)context.Operation;
            var local = declarator.Symbol;
            if (local.Type?.SpecialType != SpecialType.System_String || declarator.GetVariableInitializer() is not { } initializer || ValueOf(initializer.Value) is not { } value)
            {
                return;
            }

            // One index of the body's locals, shared with every other local of the body (a walk per local was quadratic).
            var uses = LocalIndex.Of(declarator).UsesOf(local);
            if (!local.IsConst && uses is { Reassigned: true })
            {
                return;
            }

            var (site, reported, existingKey) = value;
            // `var` infers a nullable type; the original value was never null, so only an explicit `string?` is optional.
            var required = declarator.Syntax.Parent is not Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclarationSyntax { Type.IsVar: false }
                || IsRequired(local.NullableAnnotation);
            var name = Credentials.Classify(local.Name);
            Finding? finding = null;
            if (IsCredentialSlot(name))
            {
                finding = new Finding(name, "'" + local.Name + "'", reported, local.IsConst && site == CredentialSite.Value ? CredentialSite.ConstLocal : site, required)
                {
                    ExemptWhenEqualTo = local.Name,
                    Section = Credentials.SectionFromType(EnclosingType(declarator)),
                };
            }
            else if (uses is not null && UseAsCredential(uses) is { } use)
            {
                finding = new Finding(use.Name, use.Description, reported, local.IsConst && site == CredentialSite.Value ? CredentialSite.ConstLocal : site, required)
                {
                    UserName = use.UserName,
                    Section = use.Section,
                };
            }

            if (finding is not null)
            {
                finding.ExistingKey = existingKey;
                Report(context, finding);
            }
        }

        /// <summary>Field, property and parameter-default initializers whose member name says credential.</summary>
        public void AnalyzeInitializer(OperationAnalysisContext context)
        {
            var (members, value) = context.Operation switch
            {
                IFieldInitializerOperation field => (field.InitializedFields.Cast<ISymbol>().ToImmutableArray(), field.Value),
                IPropertyInitializerOperation property => (property.InitializedProperties.Cast<ISymbol>().ToImmutableArray(), property.Value),
                IParameterInitializerOperation parameter => (ImmutableArray.Create<ISymbol>(parameter.Parameter), parameter.Value),
                _ => (ImmutableArray<ISymbol>.Empty, null!),
            };
            if (members.Length != 1 || value is null || ValueOf(value) is not { } found)
            {
                return;
            }

            var member = members[0];
            var (type, annotation) = member switch
            {
                IFieldSymbol field => (field.Type, field.NullableAnnotation),
                IPropertySymbol property => (property.Type, property.NullableAnnotation),
                IParameterSymbol parameter => (parameter.Type, parameter.NullableAnnotation),
                _ => (null, NullableAnnotation.None),
            };
            var name = Credentials.Classify(member.Name);
            if (type?.SpecialType != SpecialType.System_String || !IsCredentialSlot(name))
            {
                return;
            }

            var (site, reported, existingKey) = found;
            if (site == CredentialSite.Value)
            {
                site = member switch
                {
                    IFieldSymbol => CredentialSite.Field,
                    IPropertySymbol => CredentialSite.PropertyInitializer,
                    _ => CredentialSite.ParameterDefault,
                };
            }

            var finding = new Finding(name, member is IParameterSymbol ? "The default of '" + member.Name + "'" : MemberDescription(name, member), reported, site, IsRequired(annotation))
            {
                ExistingKey = existingKey,
                ExemptWhenEqualTo = member.Name,
                Section = member is IParameterSymbol ? Credentials.SectionFromType(member.ContainingType) : MemberSection(member),
            };
            Report(context, finding);
        }

        private void Report(OperationAnalysisContext context, Finding finding)
        {
            if (finding.Value.ConstantValue is not { HasValue: true, Value: string text })
            {
                return;
            }

            var extra = ApiGuardOptions.SecretsAdditionalDefaultPasswords.Read(_options.GetOptions(finding.Value.Syntax.SyntaxTree));
            bool isDefault;
            if (finding.Name.Kind == CredentialKind.ConnectionString)
            {
                if (Credentials.ParseConnectionString(text) is not { } credentials)
                {
                    return;
                }

                if (credentials.Password.Length == 0)
                {
                    isDefault = Credentials.IsWellKnownDefault(credentials.Password, credentials.UserName, extra);
                    if (!isDefault)
                    {
                        return;
                    }
                }
                else
                {
                    if (Credentials.IsNotSecret(credentials.Password))
                    {
                        return;
                    }

                    isDefault = Credentials.IsWellKnownDefault(credentials.Password, credentials.UserName, extra);
                }
            }
            else
            {
                if (Credentials.IsNotSecret(text) || (finding.ExemptWhenEqualTo is { } exempt && Credentials.EqualsName(text, exempt)))
                {
                    return;
                }

                isDefault = Credentials.IsWellKnownDefault(text, finding.UserName, extra);
            }

            if (!Credentials.RunsOutsideDevelopment(finding.GuardAnchor ?? finding.Value, _types, _provider, context.CancellationToken))
            {
                return;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[SiteProperty] = finding.Site.ToString();
            properties[RequiredProperty] = finding.Required ? "true" : "false";
            if (finding.Name.Kind == CredentialKind.ConnectionString)
            {
                var connectionName = finding.ExistingKey ?? Credentials.ConnectionStringName(finding.Name);
                properties[ConnectionStringNameProperty] = connectionName;
                properties[KeyProperty] = "ConnectionStrings:" + connectionName;
            }
            else
            {
                properties[KeyProperty] = finding.ExistingKey ?? Credentials.ConfigurationKey(finding.Name, finding.Section);
            }

            context.ReportDiagnostic(Diagnostic.Create(isDefault ? DefaultRule : Rule, finding.Value.Syntax.GetLocation(), properties.ToImmutable(), finding.Description));
        }

        private static bool IsCredentialSlot(CredentialName name) => name.IsSecret || name.Kind == CredentialKind.ConnectionString;

        /// <summary>
        /// The constant a slot receives: the value itself (a literal or constant expression), or the literal fallback of
        /// <c>configuration["…"] ?? "…"</c>. Locals and parameters are judged at their declaration, and constants whose own name says
        /// credential at theirs, so that one value is reported once.
        /// </summary>
        private static (CredentialSite Site, IOperation Reported, string? ExistingKey)? ValueOf(IOperation value)
        {
            value = Credentials.Unwrap(value);
            switch (value)
            {
                case ILocalReferenceOperation:
                case IParameterReferenceOperation:
                    return null;
                case IFieldReferenceOperation field when field.Field.Locations.Any(l => l.IsInSource) && IsCredentialSlot(Credentials.Classify(field.Field.Name)):
                    return null;
                case ICoalesceOperation coalesce when Credentials.Unwrap(coalesce.WhenNull) is { ConstantValue: { HasValue: true, Value: string } } fallback
                    && !coalesce.Value.ConstantValue.HasValue:
                    return (CredentialSite.Fallback, fallback, ConfiguredKey(coalesce.Value));
            }

            return value.ConstantValue is { HasValue: true, Value: string } ? (CredentialSite.Value, value, null) : null;
        }

        /// <summary>The key of <c>configuration["Admin:Password"]</c>, or the name of <c>GetConnectionString("Default")</c>.</summary>
        private static string? ConfiguredKey(IOperation read)
        {
            read = Credentials.Unwrap(read);
            return read switch
            {
                IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer
                    when indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } => key,
                IInvocationOperation { TargetMethod.Name: "GetConnectionString", Arguments.Length: 2 } invocation
                    when invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string name } => name,
                _ => null,
            };
        }

        private static bool IsRequired(NullableAnnotation annotation) => annotation != NullableAnnotation.Annotated;

        private static string ArgumentDescription(CredentialName name, IArgumentOperation argument)
        {
            var callee = argument.Parent switch
            {
                IObjectCreationOperation creation when creation.Type is { } created => "new " + created.Name + "(...)",
                IInvocationOperation invocation => Callee(invocation.TargetMethod),
                _ => argument.Parameter!.ContainingSymbol.Name,
            };
            return "The " + name.Noun + " passed to '" + callee + "'";
        }

        private static string Callee(IMethodSymbol method)
        {
            var original = method.ReducedFrom ?? method;
            return original.IsExtensionMethod ? original.Name : original.ContainingType.Name + "." + original.Name;
        }

        private static string MemberDescription(CredentialName name, ISymbol symbol) => name.Kind == CredentialKind.ConnectionString
            ? "The password in '" + MemberName(symbol) + "'"
            : "'" + MemberName(symbol) + "'";

        private static string MemberName(ISymbol symbol)
            => symbol is IPropertySymbol or IFieldSymbol && symbol.ContainingType is { IsImplicitlyDeclared: false } type && !symbol.Locations.Any(l => l.IsInSource)
                ? type.Name + "." + symbol.Name
                : symbol.Name;

        /// <summary>The section of a property or field: its type's (<c>SmtpOptions.Password</c> → <c>Smtp</c>, <c>GoogleOptions.ClientSecret</c> → <c>Authentication:Google</c>).</summary>
        private string? MemberSection(ISymbol member)
        {
            var type = member.ContainingType;
            if (type is null)
            {
                return null;
            }

            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (_types.IsType(current, KnownType.Microsoft_AspNetCore_Authentication_RemoteAuthenticationOptions))
                {
                    return "Authentication:" + Credentials.SectionFromType(type);
                }
            }

            return type.Locations.Any(l => l.IsInSource) ? Credentials.SectionFromType(type) : null;
        }

        /// <summary>
        /// The section for an argument: the user variable passed beside the password (<c>CreateAsync(admin, "…")</c> → <c>Admin</c>),
        /// the variable a new object is stored in (<c>var smtpCredentials = new NetworkCredential(…)</c> → <c>Smtp</c>), else the enclosing class.
        /// </summary>
        private static string? ArgumentSection(IArgumentOperation argument)
        {
            var arguments = argument.Parent switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };
            foreach (var sibling in arguments)
            {
                if (ReferenceEquals(sibling, argument) || sibling.Value.Type?.SpecialType == SpecialType.System_String)
                {
                    continue;
                }

                var variable = Credentials.Unwrap(sibling.Value) switch
                {
                    ILocalReferenceOperation local => local.Local.Name,
                    IParameterReferenceOperation parameter => parameter.Parameter.Name,
                    IFieldReferenceOperation field => field.Field.Name,
                    IPropertyReferenceOperation property => property.Property.Name,
                    _ => null,
                };
                if (variable is not null && Credentials.SectionFromVariable(variable) is { } fromUser)
                {
                    return fromUser;
                }
            }

            if (argument.Parent is IObjectCreationOperation { Parent: { } holder })
            {
                var stored = Credentials.Unwrap(holder) switch
                {
                    IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.Name,
                    ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } => member.Member.Name,
                    _ => null,
                };
                if (stored is not null && Credentials.SectionFromVariable(stored) is { } fromVariable)
                {
                    return fromVariable;
                }
            }

            return Credentials.SectionFromType(EnclosingType(argument));
        }

        /// <summary>The constant user name passed beside a password (<c>new NetworkCredential("guest", "guest")</c>).</summary>
        private static string? SiblingUserName(IArgumentOperation argument)
        {
            var arguments = argument.Parent switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };
            return arguments
                .Where(a => a.Parameter is { } p && Credentials.Classify(p.Name).Kind == CredentialKind.UserName)
                .Select(a => a.Value.ConstantValue is { HasValue: true, Value: string user } ? user : null)
                .FirstOrDefault(u => u is not null);
        }

        /// <summary>The constant user name set in the same object initializer (<c>new X { UserName = "admin", Password = "admin" }</c>).</summary>
        private static string? SiblingUserName(ISimpleAssignmentOperation assignment)
        {
            var siblings = assignment.Parent switch
            {
                IObjectOrCollectionInitializerOperation initializer => initializer.Initializers,
                IAnonymousObjectCreationOperation anonymous => anonymous.Initializers,
                _ => ImmutableArray<IOperation>.Empty,
            };
            foreach (var sibling in siblings)
            {
                if (sibling is ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } other
                    && Credentials.Classify(member.Member.Name).Kind == CredentialKind.UserName
                    && other.Value.ConstantValue is { HasValue: true, Value: string user })
                {
                    return user;
                }
            }

            return null;
        }

        /// <summary>The first credential slot a local flows into in its body (an argument or an assignment).</summary>
        private (CredentialName Name, string Description, string? UserName, string? Section)? UseAsCredential(LocalUses uses)
        {
            foreach (var reference in uses.References)
            {
                var use = reference.Parent;
                while (use is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
                {
                    use = use.Parent;
                }

                switch (use)
                {
                    case IArgumentOperation { Parameter: { } parameter } argument when IsCredentialSlot(Credentials.Classify(parameter.Name)):
                        var name = Credentials.Classify(parameter.Name);
                        return (name, ArgumentDescription(name, argument), SiblingUserName(argument), ArgumentSection(argument));
                    case ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } assignment
                        when !ReferenceEquals(assignment.Target, reference) && IsCredentialSlot(Credentials.Classify(member.Member.Name)):
                        var memberName = Credentials.Classify(member.Member.Name);
                        return (memberName, MemberDescription(memberName, member.Member), SiblingUserName(assignment), MemberSection(member.Member));
                }
            }

            return null;
        }

        private static INamedTypeSymbol? EnclosingType(IOperation operation)
            => operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart) is { } symbol
                ? symbol as INamedTypeSymbol ?? symbol.ContainingType
                : null;
    }
}
