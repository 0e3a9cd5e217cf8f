namespace IstioTutor.Core.Progress;

public enum LearnerRole
{
    Learner = 0,
    Mentor = 1,
    Admin = 2,
}
