namespace IstioTutor.Core.Turns;

public enum LearnerRole
{
    Learner = 0,
    Mentor = 1,
    Admin = 2,
}
