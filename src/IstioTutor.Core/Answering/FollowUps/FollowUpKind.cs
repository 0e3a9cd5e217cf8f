namespace IstioTutor.Core.Answering.FollowUps;

/// <summary>What a short follow-up asks of the conversation's previous answer.</summary>
public enum FollowUpKind
{
    /// <summary>"show me the YAML": the example that goes with the previous answer.</summary>
    ShowYaml,

    /// <summary>"what about retries?": a new topic, read in the previous answer's context.</summary>
    WhatAbout,

    /// <summary>"한국어로 설명해줘" / "in English please": the previous answer in the other language.</summary>
    Translate,

    /// <summary>"why?": the reasoning behind the previous answer.</summary>
    Why,
}
