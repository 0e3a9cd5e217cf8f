namespace IstioTutor.Core.Answering.FollowUps;

/// <summary>
/// A recognised follow-up: <see cref="Topic"/> is the new subject of a <see cref="FollowUpKind.WhatAbout"/>,
/// <see cref="TargetLang"/> the language a <see cref="FollowUpKind.Translate"/> asks for.
/// </summary>
public sealed record FollowUp(FollowUpKind Kind, string? Topic = null, string? TargetLang = null);
