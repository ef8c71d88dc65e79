from django.urls import path

from slideshelf.accounts.views import password, profile, session, signup

urlpatterns = [
    path("signup/", signup.signup, name="signup"),
    path("signup/sent/", signup.signup_sent, name="signup_sent"),
    path("signup/confirm/<str:secret>/", signup.signup_confirm, name="signup_confirm"),
    path("login/", session.login, name="login"),
    path("logout/", session.logout, name="logout"),
    path("password-reset/", session.password_reset, name="password_reset"),
    path("password-reset/sent/", session.password_reset_done, name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        session.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("password-reset/done/", session.password_reset_complete, name="password_reset_complete"),
    path("account/profile/", profile.profile, name="profile"),
    path("account/password/", password.password_change, name="password_change"),
    path("account/tokens/new/", profile.new_token, name="new-api-token"),
    path("account/tokens/<int:token_id>/revoke/", profile.revoke_token, name="revoke-api-token"),
]
