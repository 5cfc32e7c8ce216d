# One image for every Talent role: `talent serve`, `talent worker`, one-shot commands.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Talent.Cli/Talent.Cli.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV TALENT_DATA=/var/lib/talent \
    ASPNETCORE_ENVIRONMENT=Production
VOLUME /var/lib/talent
EXPOSE 8080
ENTRYPOINT ["dotnet", "/app/talent.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:8080"]
